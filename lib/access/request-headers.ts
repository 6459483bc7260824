/** Request headers proxy.ts sets for pages and handlers: the path and method as the client sent them. */
export const PATH_HEADER = "x-chainline-path";
export const METHOD_HEADER = "x-chainline-method";
