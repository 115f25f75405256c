// `npm run report:coverage`: which of Part One's figures a metric computes. Not written yet (issue 6).
console.error('report:coverage is not written yet');
process.exitCode = 1;
