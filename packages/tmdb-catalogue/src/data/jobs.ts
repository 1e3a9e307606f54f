// Crew jobs and their departments. Titles store a job as its index in JOBS (the JOB_* codes).

export type Department = "Acting" | "Directing" | "Writing" | "Production" | "Sound" | "Camera" | "Editing";

/** Crew jobs: [job, department]. Index = job code stored on titles. */
export const JOBS: ReadonlyArray<readonly [string, Department]> = [
  ["Director", "Directing"],
  ["Screenplay", "Writing"],
  ["Writer", "Writing"],
  ["Producer", "Production"],
  ["Executive Producer", "Production"],
  ["Original Music Composer", "Sound"],
  ["Director of Photography", "Camera"],
  ["Editor", "Editing"],
  ["Casting", "Production"],
  ["Novel", "Writing"],
];
export const JOB_DIRECTOR = 0;
export const JOB_SCREENPLAY = 1;
export const JOB_WRITER = 2;
export const JOB_PRODUCER = 3;
export const JOB_EXEC_PRODUCER = 4;
export const JOB_COMPOSER = 5;
export const JOB_DOP = 6;
export const JOB_EDITOR = 7;
export const JOB_CASTING = 8;
export const JOB_NOVEL = 9;
