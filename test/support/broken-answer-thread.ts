/** A stand-in for answer-thread.ts that fails while loading, as a broken installation would. */
throw new Error('cannot load the answering code');
