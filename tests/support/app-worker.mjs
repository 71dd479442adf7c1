// Worker threads do not inherit the TypeScript loader of the test runner; tsx's API registers one here.
import { register } from "tsx/esm/api";

register();
await import("./app-worker.ts");
