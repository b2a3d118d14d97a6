// The training code's unit tests (training/tests, Python's unittest), as part of `npm test`.
// They need a Python with PyTorch, Pillow, numpy and onnx (Debian's python3-torch and friends,
// which .ci/run installs) and the fonts in training/README.md. In CI their absence is a failure;
// on a developer's machine without them the suite says so and goes on.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const training = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'training');
const probe = 'import torch, PIL, numpy, onnx';
const python = [process.env.PYTHON, 'python3', '/usr/bin/python3'].find(
  (candidate) => candidate && spawnSync(candidate, ['-c', probe], { stdio: 'ignore' }).status === 0,
);
if (!python) {
  const reason = 'training tests not run: no python3 with torch, PIL, numpy and onnx (apt-get install python3-torch python3-onnx python3-pil python3-numpy; see training/README.md)';
  if (process.env.CI) {
    console.error(reason);
    process.exit(1);
  }
  console.log(reason);
  process.exit(0);
}
const run = spawnSync(python, ['-m', 'unittest', 'discover', '-v', '-s', 'tests', '-t', '.'], { cwd: training, stdio: 'inherit' });
process.exit(run.status ?? 1);
