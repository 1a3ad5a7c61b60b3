/** The floor of S4: a Node process that imports nothing and only reports when it got here. */
console.log(JSON.stringify({ importMs: 0, firstResponseMs: performance.now() }));
