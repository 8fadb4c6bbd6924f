// A StrykerJS test runner that runs the conformance suite in its own
// process, without a test framework: the instrumented sources of @mv/core and
// @mv/builtins are loaded once (through Vite's module runner, which compiles
// the TypeScript), and each mutant is switched on at run time (Stryker's
// mutant schemata) before the chunks of cases that reached it run again.
//
// Why not only the vitest runner: vitest starts a fresh worker for every
// mutant and imports the sources, the golden data and the suite again, about
// a second a mutant here; in-process a mutant costs the few milliseconds of
// its cases. Static mutants (module-level code) need fresh modules: for them
// the runner imports everything again through a new module runner (the
// compiled sources stay in Vite's cache), with the mutant switched on first.
import path from "node:path";
import { INSTRUMENTER_CONSTANTS } from "@stryker-mutator/api/core";
import { commonTokens, declareClassPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";
import { DryRunStatus, TestStatus, determineHitLimitReached, toMutantRunResult } from "@stryker-mutator/api/test-runner";

function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The pseudo-test that owns the coverage of case registration. */
const REGISTRATION = { name: "suite registration", run: async () => {} };

class SuiteRunner {
  static inject = tokens(commonTokens.options);

  constructor(options) {
    this.options = options;
    // Where the instrumented code keeps the active mutant and its coverage.
    this.globalNamespace = INSTRUMENTER_CONSTANTS.NAMESPACE;
    this.server = undefined;
    this.chunks = undefined;
  }

  capabilities() {
    return { reloadEnvironment: true };
  }

  get ns() {
    globalThis[this.globalNamespace] ??= {};
    return globalThis[this.globalNamespace];
  }

  // Loads the chunks from the sandbox (this process's working directory):
  // the instrumented sources, with @mv/core and @mv/builtins mapped to them.
  // `fresh` evaluates every module again (a static mutant, or the first
  // mutant after one).
  async load(fresh = false) {
    if (this.chunks !== undefined && !fresh) return;
    const { createServer, createServerModuleRunner } = await import("vite");
    const root = process.cwd();
    this.server ??= await createServer({
      root,
      configFile: false,
      logLevel: "error",
      appType: "custom",
      server: { middlewareMode: true, hmr: false, watch: null, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
      resolve: {
        alias: {
          "@mv/core": path.join(root, "packages/core/src/index.ts"),
          "@mv/builtins": path.join(root, "packages/builtins/src/index.ts"),
        },
      },
    });
    this.chunks = undefined;
    await this.runner?.close();
    const runner = createServerModuleRunner(this.server.environments.ssr, { hmr: false, sourcemapInterceptor: false });
    this.runner = runner;
    const module = await runner.import(path.join(root, "packages/conformance/test/mutation/suite-chunks.ts"));
    // Registering the cases runs a little of the implementation (a group may
    // build a sample object to see which methods it has). Coverage there is
    // booked to a test of its own, not to "static": Stryker runs every static
    // mutant against every chunk with fresh modules, which would cost the
    // constructors' mutants minutes each. (That test does nothing when run:
    // registration happens once, with no mutant on.)
    const ns = this.ns;
    const previous = ns.currentTestId;
    ns.currentTestId = REGISTRATION.name;
    try {
      this.chunks = [REGISTRATION, ...module.mutationChunks(module.chunkOptionsFromEnv(process.env))];
    } finally {
      ns.currentTestId = previous;
    }
  }

  async runChunk(chunk) {
    const started = performance.now();
    try {
      await chunk.run();
      return { id: chunk.name, name: chunk.name, status: TestStatus.Success, timeSpentMs: performance.now() - started };
    } catch (error) {
      return {
        id: chunk.name,
        name: chunk.name,
        status: TestStatus.Failed,
        failureMessage: describe(error),
        timeSpentMs: performance.now() - started,
      };
    }
  }

  async dryRun(options) {
    const ns = this.ns;
    ns.activeMutant = undefined;
    ns.mutantCoverage = { static: {}, perTest: {} };
    try {
      await this.load();
    } catch (error) {
      return { status: DryRunStatus.Error, errorMessage: `loading the suite failed: ${describe(error)}` };
    }
    const tests = [];
    for (const chunk of this.chunks) {
      ns.currentTestId = chunk.name;
      tests.push(await this.runChunk(chunk));
      ns.currentTestId = undefined;
    }
    const coverage = options.coverageAnalysis === "off" ? undefined : ns.mutantCoverage;
    return { status: DryRunStatus.Complete, tests, mutantCoverage: coverage };
  }

  async mutantRun(options) {
    const ns = this.ns;
    const id = options.activeMutant.id;
    // A static mutant must be on while the modules load.
    if (options.mutantActivation === "static") ns.activeMutant = id;
    try {
      await this.load(options.reloadEnvironment);
    } catch (error) {
      // A static mutant that breaks loading is detected.
      ns.activeMutant = undefined;
      return toMutantRunResult({
        status: DryRunStatus.Complete,
        tests: [{ id: "load", name: "load", status: TestStatus.Failed, failureMessage: describe(error), timeSpentMs: 0 }],
      });
    }
    const wanted = options.testFilter === undefined ? undefined : new Set(options.testFilter);
    ns.activeMutant = id;
    ns.hitCount = 0;
    ns.hitLimit = options.hitLimit;
    const tests = [];
    try {
      for (const chunk of this.chunks) {
        if (wanted !== undefined && !wanted.has(chunk.name)) continue;
        const result = await this.runChunk(chunk);
        tests.push(result);
        if (result.status === TestStatus.Failed && !options.disableBail) break;
      }
    } finally {
      ns.activeMutant = undefined;
    }
    const timeout = determineHitLimitReached(ns.hitCount, ns.hitLimit);
    ns.hitCount = undefined;
    ns.hitLimit = undefined;
    return toMutantRunResult(timeout ?? { status: DryRunStatus.Complete, tests });
  }

  async dispose() {
    await this.runner?.close();
    await this.server?.close();
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, "mv-suite", SuiteRunner)];
