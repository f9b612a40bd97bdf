import { action } from "@prismatic-io/spectral";
import { messageToFolder } from "./relocate";

export const copyMessage = action({
  display: {
    label: "Copy Message",
    description: "Copy a message to another folder; Graph answers the copy (POST /users/{mailbox}/messages/{id}/copy).",
  },
  ...messageToFolder("copy"),
});
