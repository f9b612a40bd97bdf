import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { Reply, json } from "../../kernel/http";
import { listCollection } from "../../kernel/odata/collection";
import { isReply } from "../directory/users";
import { MAIL_PERMISSIONS, folderFrom, folderNotFound, mailRoute, messageOf } from "./access";
import { registerAttachmentRoutes } from "./attachments";
import { messageDelta } from "./delta";
import { createMessage, registerMessageRoutes } from "./messages";
import { listMessages } from "./query";
import { contextUrl, folderView, messageEntity } from "./render";
import { Mailbox, mailStore } from "./store";

function listFolders(ctx: RequestContext, box: Mailbox, parentId: string): Reply {
  const hidden = ctx.query.get("includeHiddenFolders") === "true";
  const folders = box
    .children(parentId)
    .filter((f) => hidden || !f.isHidden)
    .map((f) => folderView(box, f));
  return listCollection(ctx, folders, { entitySet: `users('${box.ownerId}')/mailFolders`, defaultTop: 10, maxTop: 1000 });
}

function registerFolderRoutes(router: Router): void {
  mailRoute(router, "GET", "/mailFolders", "readBasic", (ctx, box) => listFolders(ctx, box, box.rootId));
  mailRoute(router, "GET", "/mailFolders/:folder", "readBasic", (ctx, box) => {
    const folder = folderFrom(ctx, box);
    return folder
      ? json(200, { "@odata.context": contextUrl(ctx, box, "mailFolders/$entity"), ...folderView(box, folder) })
      : folderNotFound(ctx);
  });
  mailRoute(router, "GET", "/mailFolders/:folder/childFolders", "readBasic", (ctx, box) => {
    const folder = folderFrom(ctx, box);
    return folder ? listFolders(ctx, box, folder.id) : folderNotFound(ctx);
  });
  mailRoute(router, "GET", "/mailFolders/:folder/messages/delta", "readBasic", (ctx, box) => {
    const folder = folderFrom(ctx, box);
    return folder ? messageDelta(ctx, box, folder) : folderNotFound(ctx);
  });
  mailRoute(router, "GET", "/mailFolders/:folder/messages", "readBasic", (ctx, box) => {
    const folder = folderFrom(ctx, box);
    return folder ? listMessages(ctx, box, box.inFolder(folder.id)) : folderNotFound(ctx);
  });
  mailRoute(router, "POST", "/mailFolders/:folder/messages", "write", createMessage);
  mailRoute(router, "GET", "/mailFolders/:folder/messages/:messageId", "readBasic", (ctx, box) => {
    const message = messageOf(ctx, box);
    return isReply(message) ? message : messageEntity(ctx, box, message);
  });
}

/** Exchange Online mail: folders, messages, sending, attachments and per-folder message delta. */
export function registerMailRoutes(router: Router, emulator: Emulator): void {
  mailStore(emulator);
  router.declareCheckedByArea(MAIL_PERMISSIONS);
  registerFolderRoutes(router);
  registerMessageRoutes(router);
  registerAttachmentRoutes(router);
}
