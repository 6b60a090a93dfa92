/** Stand-in import worker that throws before answering, for the "worker died" test. */
throw new Error('the worker broke while loading');
