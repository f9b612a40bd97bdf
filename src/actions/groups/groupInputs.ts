import { input } from "@prismatic-io/spectral";
import { InputError } from "../../graph";
import { oneOf, optionalString } from "../../inputs/clean";

/** Graph's mailNickname: at most 64 characters of ASCII, without @ ( ) \ [ ] " ; : < > , or spaces. */
export function mailNickname(label: string) {
  return (value: unknown): string | undefined => {
    const text = optionalString(value);
    if (text === undefined) return undefined;
    if (text.length > 64 || !/^[\x21-\x7e]+$/.test(text) || /[@()\\[\]";:<>,]/.test(text)) {
      throw new InputError(
        label,
        `"${text}" is not a valid mail alias: up to 64 ASCII characters, without spaces or @ ( ) \\ [ ] " ; : < > ,`,
      );
    }
    return text;
  };
}

export const VISIBILITIES = ["Public", "Private", "HiddenMembership"] as const;

export const descriptionInput = input({
  label: "Description",
  type: "string",
  required: false,
  example: "Self help community for library",
  comments: "description (at most 1,024 characters).",
  clean: optionalString,
});

export const visibilityInput = input({
  label: "Visibility",
  type: "string",
  required: false,
  model: [{ label: "(Graph's default)", value: "" }, ...VISIBILITIES.map((v) => ({ label: v, value: v }))],
  comments:
    "Public (anyone can join) or Private (owner approval); Graph makes Microsoft 365 groups Public and security groups Private by default. HiddenMembership (members hidden from non-members) only for a Microsoft 365 group, when it is created.",
  clean: (value: unknown) => (optionalString(value) === undefined ? undefined : oneOf("Visibility", VISIBILITIES)(value)),
});

/** Visibility on update: Graph takes HiddenMembership only when a Microsoft 365 group is created. */
export const updateVisibilityInput = input({
  label: "Visibility",
  type: "string",
  required: false,
  model: [
    { label: "(unchanged)", value: "" },
    ...VISIBILITIES.filter((v) => v !== "HiddenMembership").map((v) => ({ label: v, value: v })),
  ],
  comments:
    "Public (anyone can join) or Private (owner approval). Empty leaves it unchanged. HiddenMembership cannot be set or removed after creation.",
  clean: (value: unknown) => {
    if (optionalString(value) === undefined) return undefined;
    const visibility = oneOf("Visibility", VISIBILITIES)(value);
    if (visibility === "HiddenMembership")
      throw new InputError("Visibility", "HiddenMembership can be set only when a Microsoft 365 group is created");
    return visibility;
  },
});
