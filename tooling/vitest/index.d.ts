/** Test settings shared by every package. */
export declare const sharedTestConfig: {
  include: string[];
  benchmark: { include: string[] };
  testTimeout: number;
  reporters: string[];
  outputFile: { json: string };
};
/** Aliases from the @mv package names to their TypeScript sources. */
export declare const workspaceAliases: Record<string, string>;
