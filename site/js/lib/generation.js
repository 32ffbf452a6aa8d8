// The one way the page drops a stale answer.
//
// Python answers seconds or milliseconds later, and meanwhile the visitor may have moved a
// slider, pressed Reset or drawn again. Whatever waits for an answer takes a ticket first;
// whatever makes earlier work pointless advances the generation; an answer whose ticket has
// gone stale is not shown.
//
//   const ticket = this.runs.ticket();
//   const answer = await api.perceptronTrain(...);
//   if (ticket.stale) return;

export class Generation {
  #count = 0;

  /** Make every ticket handed out so far stale. */
  advance() {
    this.#count += 1;
  }

  /** A ticket for the present generation; it goes stale at the next advance(). */
  ticket() {
    const issued = this.#count;
    const generation = this;
    return { get stale() { return issued !== generation.#count; } };
  }
}
