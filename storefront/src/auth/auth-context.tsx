// Who is signed in, for every page. On load the refresh cookie (if any) restores the session.
import { useApolloClient, useQuery } from "@apollo/client/react";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { MeQuery, SignOutMutation } from "../operations/orders";
import { endSession, onSessionChange, refreshSession } from "./session";

type Status = "checking" | "signed-in" | "signed-out";

interface Auth {
  status: Status;
  user: { id: string; name: string; email: string } | null;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth>({ status: "checking", user: null, signOut: async () => {} });

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [status, setStatus] = useState<Status>("checking");
  useEffect(() => {
    const unsubscribe = onSessionChange((signedIn) => setStatus(signedIn ? "signed-in" : "signed-out"));
    if (window.location.pathname !== "/callback")
      void refreshSession().then((session) => setStatus(session ? "signed-in" : "signed-out"));
    return () => {
      unsubscribe();
    };
  }, []);
  const me = useQuery(MeQuery, { skip: status !== "signed-in" });
  const signOut = async () => {
    await client.mutate({ mutation: SignOutMutation }).catch(() => undefined);
    await endSession();
    await client.clearStore();
  };
  const user = status === "signed-in" ? (me.data?.me ?? null) : null;
  return <AuthContext.Provider value={{ status, user, signOut }}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);
