// `npm run bench -- households`: the households module's benchmark (see its issue). Not written yet.
export async function main(_argv: string[]): Promise<void> {
  throw new Error('the households benchmark is not written yet');
}
