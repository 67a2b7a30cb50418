import { createContext, useContext } from "react";

/** The per-request CSP nonce, provided by entry.server so inline scripts Remix renders can carry it. */
export const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
