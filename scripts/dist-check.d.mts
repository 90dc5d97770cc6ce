export interface ElectronZip {
  file: string;
  url: string;
  cachePath: string;
}
export type Obtainable = { ok: true } | { ok: false; zh: string; en: string };
export interface Machine {
  platform: string;
  arch: string;
}
export function electronCacheRoot(env: NodeJS.ProcessEnv): string;
export function electronZip(version: string, platform: string, arch: string, env: NodeJS.ProcessEnv, cacheRoot: string): ElectronZip;
export function electronZipObtainable(zip: ElectronZip, timeoutMs?: number): Promise<Obtainable>;
export function distProblems(options: {
  target: Machine;
  host: Machine;
  nodeVersion: string;
  electronVersion: string;
  env: NodeJS.ProcessEnv;
  cacheRoot: string;
}): Promise<string[]>;
