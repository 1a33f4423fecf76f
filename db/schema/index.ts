// One file per entity group; this file only re-exports them.
export * from "./municipalities";
export * from "./authorities";
export * from "./integration";
export * from "./identity";
export * from "./audit";
export * from "./cases";
export * from "./permits";
export * from "./childcare";
export * from "./messages";
export * from "./catalogue";
export * from "./jobs";
export * from "./records";
export * from "./saml";
export * from "./staff-sso";
export * from "./payments";
