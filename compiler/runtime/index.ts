// The small runtime shared by every generated evaluator. The build copies this folder into
// generated/runtime/ so that generated code never imports from compiler/.

export * from "./decision.js";
export * from "./input.js";
export * from "./decide.js";
export * from "./claims.js";
