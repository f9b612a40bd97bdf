export * from "./client";
export * from "./clouds";
export * from "./errors";
export * from "./odata";
export * from "./redact";
export * from "./retry";
export * from "./batch";
export * from "./text";
