export * from "./assertion";
export * from "./errors";
export * from "./pem";
export * from "./provider";
