import { createRequire } from "node:module";

const load = createRequire(__filename);
type Loaded = { default: { documentationUrl?: string; display: { label: string; description: string } } };

function componentWith(url: string | undefined): Loaded["default"] {
  const saved = process.env.DOCUMENTATION_URL;
  if (url === undefined) delete process.env.DOCUMENTATION_URL;
  else process.env.DOCUMENTATION_URL = url;
  try {
    let loaded: Loaded | undefined;
    jest.isolateModules(() => {
      loaded = load("../../src") as Loaded;
    });
    return (loaded as Loaded).default;
  } finally {
    if (saved === undefined) delete process.env.DOCUMENTATION_URL;
    else process.env.DOCUMENTATION_URL = saved;
  }
}

test("documentationUrl is set from DOCUMENTATION_URL when the component is built, and absent without it", () => {
  expect(componentWith("https://example.com/ms-graph/docs").documentationUrl).toBe("https://example.com/ms-graph/docs");
  expect(componentWith(undefined)).not.toHaveProperty("documentationUrl");
});

test("the label cannot be taken for Prismatic's own Microsoft Graph API component", () => {
  const { display } = componentWith(undefined);
  expect(display.label).not.toBe("Microsoft Graph API");
  expect(display.label).toMatch(/^Microsoft Graph\b/);
  expect(display.description.length).toBeLessThanOrEqual(300);
});
