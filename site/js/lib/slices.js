// Long work in Python a slice of time at a time: training, fine-tuning, evaluating a network,
// mapping the test digits. Python works for about `seconds`, answers how far it got, and is asked
// again until an answer says it is done; in between, the page shows the progress and Python is
// free to read a drawing. One loop for all of them, so each stops, drops a stale answer and paces
// itself the same way.
//
//   const last = await runSlices((seconds) => api.evaluateRun(python, seconds),
//     { seconds: 0.1, from: started, each: (progress) => view.showProgress(progress), stale: () => ticket.stale });
//   if (last) view.showSummary(last);

/**
 * How a run of slices goes. All but `seconds` may be left out.
 * @template Answer
 * @typedef {object} Slices
 * @property {number} seconds how long Python works in each slice
 * @property {Answer | null} [from] the answer that started the work: no slice is asked if it is done already
 * @property {(answer: Answer) => unknown} [each] hears of each slice's answer (and is awaited) before the next is asked
 * @property {() => boolean} [stale] true once the work is no longer wanted (Reset, another network): the answer
 *   that comes next is dropped and no slice is asked
 * @property {() => boolean} [paused] true once the visitor paused: the answer under way is still heard of, but no
 *   slice is asked after it
 * @property {boolean} [paced] wait for the next frame after each answer, so the page paints it before Python works on
 */

/**
 * Ask `ask(seconds)` for slice after slice until an answer is done (resolves to it), or until the
 * work goes stale or is paused (resolves to null). A slice that fails rejects with its error.
 * @template {{done: boolean}} Answer
 * @param {(seconds: number) => Promise<Answer>} ask
 * @param {Slices<Answer>} slices
 * @returns {Promise<Answer | null>}
 */
export async function runSlices(ask, { seconds, from = null, each = () => {}, stale = () => false,
                                       paused = () => false, paced = false }) {
  let answer = from;
  while (answer === null || !answer.done) {
    if (stale() || (answer !== null && paused())) return null;
    answer = await ask(seconds);
    if (stale()) return null;
    await each(answer);
    if (paced) await nextFrame();
  }
  return answer;
}

/** Resolves when the browser is about to paint the next frame.
 *  @returns {Promise<void>} */
function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
