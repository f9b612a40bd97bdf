import { action } from "@prismatic-io/spectral";
import { messageToFolder } from "./relocate";

export const moveMessage = action({
  display: {
    label: "Move Message",
    description:
      "Move a message to another folder; Graph answers the moved message, which has a new ID (POST /users/{mailbox}/messages/{id}/move).",
  },
  ...messageToFolder("move"),
});
