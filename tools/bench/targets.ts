// `npm run bench -- targets`: the targets module's benchmark (see its issue). Not written yet.
export async function main(_argv: string[]): Promise<void> {
  throw new Error('the targets benchmark is not written yet');
}
