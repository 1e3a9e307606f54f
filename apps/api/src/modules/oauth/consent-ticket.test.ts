import { describe, expect, it } from "vitest";
import { consentTicketKey, readConsentTicket, signConsentTicket } from "./consent-ticket.ts";

const key = consentTicketKey("a test secret of some length");
const answer = { uid: "request-uid-0123456789", userId: "user-1", approve: true };
const inAMinute = Math.floor(Date.now() / 1000) + 60;

describe("consent tickets", () => {
  it("carry the answer back for their own request", () => {
    expect(readConsentTicket(key, signConsentTicket(key, answer, inAMinute), answer.uid)).toEqual(answer);
    expect(readConsentTicket(key, signConsentTicket(key, { ...answer, approve: false }, inAMinute), answer.uid)).toEqual({ ...answer, approve: false });
  });

  it("are refused for another request, once expired, under another secret, or altered", () => {
    const ticket = signConsentTicket(key, answer, inAMinute);
    expect(readConsentTicket(key, ticket, "another-request-uid")).toBeUndefined();
    expect(readConsentTicket(key, ticket, answer.uid, (inAMinute + 1) * 1000)).toBeUndefined();
    expect(readConsentTicket(consentTicketKey("another secret of some length"), ticket, answer.uid)).toBeUndefined();
    const [payload, signature] = ticket.split(".");
    const denied = Buffer.from(Buffer.from(payload!, "base64url").toString().replace('"approve":true', '"approve":false')).toString("base64url");
    expect(readConsentTicket(key, `${denied}.${signature}`, answer.uid)).toBeUndefined();
    expect(readConsentTicket(key, `${payload}.`, answer.uid)).toBeUndefined();
    expect(readConsentTicket(key, `${ticket}.more`, answer.uid)).toBeUndefined();
    expect(readConsentTicket(key, "", answer.uid)).toBeUndefined();
  });
});
