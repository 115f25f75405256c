// `npm run bench -- petitions`: the petitions module's benchmark (see its issue). Not written yet.
export async function main(_argv: string[]): Promise<void> {
  throw new Error('the petitions benchmark is not written yet');
}
