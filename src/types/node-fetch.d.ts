// node-fetch 2 ships no types. linklog calls it only as grammY does, with grammY's own request options, and uses
// the parts of the response the platform's fetch has too (status, clone, json).
declare module "node-fetch" {
  const fetch: typeof globalThis.fetch;
  export default fetch;
}
