// The idea that folds out beside the number pad: why a number is harder to read than a digit.

import { idea } from "../../widgets/idea.js";

/** Why a number is harder than a digit: cutting, touching digits, the cheques of 1998. */
export function cuttingIdea() {
  return idea({
    name: "cutting", control: "number-pad", question: "Why is a number harder than a digit?",
    plain: "The networks read one digit at a time, in a 28×28 picture. A number must first be cut into digits, and "
      + "nothing in the ink says where: a 4 or a 5 is often two strokes, a 7 may have a bar, neighbours touch or "
      + "overlap. Cutting the ink into separate blobs would read a two-stroke 4 as two digits and two touching "
      + "digits as one. So the page uses what the pad knows, the strokes and their order: a stroke drawn over the "
      + "digit before belongs to it. Where ink of neighbours still runs together, it proposes more cuts than "
      + "needed and lets the network judge every way of putting the pieces back, keeping the way whose digits it "
      + "reads most surely. Bank cheques were read this way in 1998 by LeCun, Bottou, Bengio and Haffner, the "
      + "paper MNIST comes from.",
    formula: "best cutting = the path through the pieces with the largest product, over its digits, of "
      + "p(digit) × prior(width, height) × cost of each cut through ink; found by dynamic programming.",
    numbers: "The boxes over the pad are the cutting it kept. When another cutting came close, it is shown below "
      + "with its score: the same product, for the runner-up.",
  });
}
