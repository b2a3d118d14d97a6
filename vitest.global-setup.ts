// Builds dist/ (CLI, worker) once before the suite: worker and CLI tests run what users run.
import { buildNode } from './scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildNode();
}
