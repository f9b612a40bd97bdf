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
  comments: "For Microsoft 365 groups: Public (anyone can join), Private (owner approval) or HiddenMembership (set only at creation).",
  clean: (value: unknown) => (optionalString(value) === undefined ? undefined : oneOf("Visibility", VISIBILITIES)(value)),
});
