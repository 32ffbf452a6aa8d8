"""Memory over a long visit: does Python's memory stay flat while a class uses the page for an hour?

Three rounds, each of 1,000 predictions of a drawing with the cnn, three training runs from
scratch (one epoch of the default dense network) and five fine-tunings of the mlp, all
through the page functions the sections call, in the page's own worker. After each stage it
prints Python's count of live objects (after a garbage collection) and the size of the
WebAssembly heap. After the first round, which finds the heap's working size (WebAssembly
memory only ever grows, to the largest it has needed), the rounds should end where the second
did (within 5%): anything that grows with use is a leak a long visit would feel.

Run it with 'python3 build.py bench', which builds dist/ first; bench/memory.py N runs N rounds.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import chromium  # noqa: E402
from static_server import serving  # noqa: E402

ROUNDS = 3
TIMEOUT = 600_000

STAGES = """async () => {
  const python = window.app.python;
  const sample = async (stage) => ({ stage, ...(await python.memory()) });
  const seen = [];
  // A drawn 1: a bar down the middle of the pad's 280x280 bitmap.
  const bitmap = new Uint8Array(280 * 280);
  for (let row = 40; row < 240; row++) for (let column = 130; column < 150; column++) bitmap[row * 280 + column] = 255;
  await python.loadModel("cnn");
  await python.loadModel("mlp");
  for (let i = 0; i < 1000; i++) await python.call("predict", "cnn", bitmap, 280, 280);
  seen.push(await sample("1,000 predictions"));
  const subset = await fetch("data/mnist-small.npz");               // once per Python, as the page hands it over
  await python.call("learn_data", new Uint8Array(await subset.arrayBuffer()));
  for (let run = 0; run < 3; run++) {
    await python.call("learn_start", { network: "dense", hidden: 30, activation: "sigmoid", learning_rate: 0.5, batch_size: 10, epochs: 1 });
    while (!(await python.call("learn_run", 0.25, null)).done);
    await python.call("learn_use");
  }
  seen.push(await sample("3 training runs"));
  const images = new Uint8Array(10 * 784);
  for (let i = 0; i < 10; i++) for (let row = 4; row < 24; row++) images[i * 784 + row * 28 + 13 + (i % 3)] = 255;
  for (let tuning = 0; tuning < 5; tuning++) {
    await python.call("finetune_start", "mlp", images, Array(10).fill(1));
    while (!(await python.call("finetune_run", 0.25)).done);
    await python.call("finetune_finish");
  }
  seen.push(await sample("5 fine-tunings"));
  return seen;
}"""


def main():
    from playwright.sync_api import Error, sync_playwright

    rounds_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS
    try:
        with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            page = browser.new_page()
            page.set_default_timeout(TIMEOUT)
            page.goto(server.url)
            page.locator("[data-testid=status][data-state=ready]").wait_for(state="attached", timeout=TIMEOUT)
            start = page.evaluate("() => app.python.memory()")
            print(f"{'round':>5}  {'stage':20} {'objects':>9} {'wasm heap':>11}")
            print(f"{'':>5}  {'ready':20} {start['objects']:9,d} {start['wasmBytes'] / 2**20:8.1f} MB")
            rounds = []
            for number in range(1, rounds_wanted + 1):
                stages = page.evaluate(STAGES)
                rounds.append(stages)
                for stage in stages:
                    print(f"{number:5d}  {stage['stage']:20} {stage['objects']:9,d} {stage['wasmBytes'] / 2**20:8.1f} MB",
                          flush=True)
            browser.close()
    except Error as error:
        print(f"The memory bench failed: {error.message.splitlines()[0]}", file=sys.stderr)
        return 1
    second, last = rounds[min(1, len(rounds) - 1)][-1], rounds[-1][-1]
    objects = last["objects"] / second["objects"] - 1
    heap = last["wasmBytes"] / second["wasmBytes"] - 1
    print(f"\nround {rounds_wanted} against round 2, at the end: objects {objects:+.1%}, wasm heap {heap:+.1%}"
          "  (target: within ±5%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
