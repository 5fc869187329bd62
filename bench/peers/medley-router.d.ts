// @medley/router 0.2.1 ships no types; the part the benchmark adapter uses.
declare module '@medley/router' {
  class Router<S extends object = Record<string, unknown>> {
    constructor(options?: { storeFactory?: () => S });
    register(path: string): S;
    find(path: string): { store: S; params: Record<string, string> } | null;
  }
  export default Router;
}
