/**
 * Shown under the progress of a job's last try after an earlier try failed:
 * if this try dies too (out of memory, say) nothing can edit the message
 * again, so it must already say what to do then.
 */
export function lastTryCaveat(reference: string): string {
  return (
    'Last try after a failure on our side. If this message has not changed in ten minutes, ' +
    `that try failed too: please ask again later and give the team reference ${reference}.`
  );
}
