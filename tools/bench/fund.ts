// `npm run bench -- fund`: the fund module's benchmark (see its issue). Not written yet.
export async function main(_argv: string[]): Promise<void> {
  throw new Error('the fund benchmark is not written yet');
}
