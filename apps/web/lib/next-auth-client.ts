// next-auth's browser client (signIn, signOut), imported when a form or a button needs it rather than
// with every page: its module (session context, broadcast channel, logger, error classes) was in
// every signed-in page's first scripts because the header's sign-out button imported it. The sign-in
// and sign-up forms start loading it as soon as one of their fields takes focus.
export const nextAuthClient = () => import("next-auth/react");
