import pc from 'picocolors';

export type Colours = ReturnType<typeof pc.createColors>;

/** Colour for one stream: on for a TTY unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
export function coloursFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Colours {
  return pc.createColors(useColour(stream, env));
}

export function useColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
