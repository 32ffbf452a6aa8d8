// As every state.js: plain data (what the visitor set, what is shown) and where it is kept; no DOM, no Python.
//
// The guided minute, its state: the digits asked for, in their shuffled order, and what the
// visitor gave for each so far (a drawing with what the network read, or a skip), with the
// drawings taken back by Undo kept for Redo. The page keeps the drawings in the personal set
// once the round is over (state.js); a round itself lasts until the page closes.

/** Each digit `perDigit` times, shuffled (Fisher–Yates), so the visitor writes each one fresh rather
 *  than copying the one before; the same digit twice in a row is avoided (a new shuffle, up to 100). */
export function shuffledDigits(perDigit, random = Math.random) {
  const digits = Array.from({ length: 10 * perDigit }, (_, i) => i % 10);
  for (let attempt = 0; attempt < 100; attempt++) {
    for (let i = digits.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [digits[i], digits[j]] = [digits[j], digits[i]];
    }
    if (digits.every((digit, i) => digit !== digits[i - 1])) break;
  }
  return digits;
}

/**
 * One round of drawings asked for: the teaching round or the check round.
 * Each answer: {digit, image: Uint8Array(784) 0 background 255 ink, read, sure} for a drawing,
 * {digit, image: null} for a skip; a check round's drawings, once compared, also say what the
 * network read `before` its tuning.
 */
export class GuidedRound {
  /** @param {number[]} asked the digits to ask for, in order; `kind`: "teach" or "check"; `reader`:
   *  the network that reads the drawings as they come */
  constructor(asked, kind, reader) {
    this.asked = asked;
    this.kind = kind;
    this.reader = reader;
    /** @type {{digit: number, image: Uint8Array | null, read?: number, sure?: number, before?: number}[]} */
    this.answers = [];
    this.undone = [];
    /** @type {string | undefined} the network the drawings were compared with (compare) */
    this.base = undefined;
  }

  /** The digit asked for now, or undefined once every one is answered. */
  get digit() {
    return this.asked[this.answers.length];
  }

  /** 1-based, as the prompt says it: "3 of 20". */
  get step() {
    return Math.min(this.answers.length + 1, this.asked.length);
  }

  get steps() {
    return this.asked.length;
  }

  get done() {
    return this.answers.length === this.asked.length;
  }

  /** The drawing for the digit asked now, as read by the network; Redo's memory is dropped. */
  accept(image, read, sure) {
    this.answers.push({ digit: this.digit, image, read, sure });
    this.undone = [];
  }

  skip() {
    this.answers.push({ digit: this.digit, image: null });
    this.undone = [];
  }

  /** Take back the last answer (Redo brings it back); false if there is none. */
  undo() {
    if (!this.answers.length) return false;
    this.undone.push(this.answers.pop());
    return true;
  }

  redo() {
    if (!this.undone.length) return false;
    this.answers.push(this.undone.pop());
    return true;
  }

  /** The answers that are drawings (not skips). */
  get drawn() {
    return this.answers.filter((answer) => answer.image);
  }

  /** The check round read again by `base`, the network before its tuning, and by the tuned one (Python:
   *  guided_check): each drawing gets what `base` read (`before`) and what the tuned one reads (`read`),
   *  in packed() order. */
  compare(base, readBefore, readAfter) {
    this.base = base;
    this.drawn.forEach((answer, i) => Object.assign(answer, { before: readBefore[i], read: readAfter[i] }));
  }

  /** The drawings one after another, as Python takes them, and their digits. */
  packed() {
    const drawn = this.drawn, images = new Uint8Array(drawn.length * 784);
    drawn.forEach((answer, i) => images.set(answer.image, i * 784));
    return { images, labels: drawn.map((answer) => answer.digit) };
  }
}
