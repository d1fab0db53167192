export * from "./auth";
export * from "./avatars";
export * from "./chat";
export * from "./departments";
export * from "./knowledge";
export * from "./orgs";
export * from "./safety";
