import { describe, expect, it } from "vitest";
import { ConfigError, describeTmdb, parseConfig } from "./config.ts";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/movierec",
  REDIS_URL: "redis://127.0.0.1:6379",
  TMDB_API_BASE_URL: "http://127.0.0.1:4010/3/",
};

function problems(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("parseConfig", () => {
  it("fills defaults and runs offline without a TMDB token", () => {
    const config = parseConfig(valid);
    expect(config.API_PORT).toBe(4000);
    expect(config.TMDB_RATE_LIMIT_PER_SECOND).toBe(40);
    expect(config.TMDB_MAX_IN_FLIGHT).toBe(20);
    expect(config.tmdbMode).toBe("offline");
    expect(config.TMDB_API_BASE_URL).toBe("http://127.0.0.1:4010/3");
  });

  it("reads CORS_ALLOWED_ORIGINS as a list of exact origins, and refuses anything else naming the shape", () => {
    expect(parseConfig(valid).CORS_ALLOWED_ORIGINS).toEqual([]);
    expect(parseConfig({ ...valid, CORS_ALLOWED_ORIGINS: "https://app.example.com, http://localhost:5173" }).CORS_ALLOWED_ORIGINS).toEqual([
      "https://app.example.com",
      "http://localhost:5173",
    ]);
    for (const bad of ["*", "app.example.com", "https://app.example.com/", "https://app.example.com/path", "ftp://files.example.com"]) {
      expect(problems({ ...valid, CORS_ALLOWED_ORIGINS: bad })).toMatch(/CORS_ALLOWED_ORIGINS.*comma-separated origins/);
    }
  });

  it("goes online against api.themoviedb.org when a token is set", () => {
    const { TMDB_API_BASE_URL: _unused, ...env } = valid;
    const config = parseConfig({ ...env, TMDB_API_TOKEN: "eyJhbGciOiJIUzI1NiJ9.a-long-read-access-token" });
    expect(config.tmdbMode).toBe("online");
    expect(config.TMDB_API_BASE_URL).toBe("https://api.themoviedb.org/3");
  });

  it("takes TMDB's v3 API key too, as TMDB_API_KEY or in TMDB_API_TOKEN, and says which credential it uses", () => {
    const { TMDB_API_BASE_URL: _unused, ...env } = valid;
    const key = "0123456789abcdef0123456789abcdef";
    for (const config of [parseConfig({ ...env, TMDB_API_KEY: key }), parseConfig({ ...env, TMDB_API_TOKEN: key })]) {
      expect(config.tmdbMode).toBe("online");
      expect(config.tmdbCredential).toEqual({ kind: "api-key", value: key });
      expect(describeTmdb(config)).toBe("TMDB is online at https://api.themoviedb.org/3, with a v3 API key (sent as api_key)");
      expect(describeTmdb(config)).not.toContain(key);
    }
    const token = parseConfig({ ...env, TMDB_API_TOKEN: "eyJhbGciOiJIUzI1NiJ9.a-long-read-access-token" });
    expect(token.tmdbCredential.kind).toBe("read-access-token");
    expect(describeTmdb(token)).toContain("an API Read Access Token");
    expect(describeTmdb(parseConfig(valid))).toBe("TMDB is OFFLINE: using the offline catalogue at http://127.0.0.1:4010/3");
    const message = problems({ ...valid, TMDB_API_KEY: "not-a-key-but-secret" });
    expect(message).toContain("TMDB_API_KEY=<hidden>");
    expect(message).toMatch(/32 hexadecimal characters/);
    expect(message).not.toContain("not-a-key-but-secret");
  });

  it("names every missing variable", () => {
    const message = problems({});
    expect(message).toContain("DATABASE_URL is required but not set");
    expect(message).toContain("REDIS_URL is required but not set");
    expect(message).toContain(".env.example");
  });

  it("says what is wrong with a bad value", () => {
    expect(problems({ ...valid, API_PORT: "99999" })).toMatch(/API_PORT="99999"/);
    expect(problems({ ...valid, DATABASE_URL: "mysql://localhost/movierec" })).toMatch(
      /DATABASE_URL="mysql:\/\/localhost\/movierec": must be a postgresql:\/\/ URL/,
    );
    expect(problems({ ...valid, TMDB_RATE_LIMIT_PER_SECOND: "fast" })).toMatch(/TMDB_RATE_LIMIT_PER_SECOND/);
  });

  it("reads TRUST_PROXY as proxy hops or proxy addresses", () => {
    expect(parseConfig(valid).TRUST_PROXY).toBe(0);
    expect(parseConfig({ ...valid, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseConfig({ ...valid, TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,::1" }).TRUST_PROXY).toEqual(["10.0.0.5", "10.1.0.0/16", "::1"]);
    expect(problems({ ...valid, TRUST_PROXY: "yes" })).toMatch(/TRUST_PROXY="yes": a number of proxy hops/);
  });

  it("asks for a token or a base URL, and never prints the token", () => {
    const { TMDB_API_BASE_URL: _unused, ...env } = valid;
    expect(problems(env)).toMatch(/neither TMDB_API_TOKEN \(or TMDB_API_KEY\) nor TMDB_API_BASE_URL is set/);
    const message = problems({ ...valid, TMDB_API_TOKEN: "short-secret" });
    expect(message).toContain("TMDB_API_TOKEN=<hidden>");
    // What to do instead: the long token, or the v3 key in TMDB_API_KEY, or nothing to run offline.
    expect(message).toMatch(/TMDB_API_KEY[\s\S]*offline/);
    expect(message).not.toContain("short-secret");
  });
});
