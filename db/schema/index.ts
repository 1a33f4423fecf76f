// One file per entity group; this file only re-exports them.
export * from "./municipalities";
export * from "./identity";
export * from "./audit";
export * from "./cases";
export * from "./catalogue";
export * from "./childcare";
export * from "./messages";
