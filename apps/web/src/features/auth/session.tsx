import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Me } from '@contract/auth';
import type { Permission } from '@contract/access';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../api';
import { call } from '../../client';
import { queryClient } from '../../query';

type Status = 'loading' | 'anonymous' | 'signedIn' | 'offline';

type Session = {
  status: Status;
  me: Me | null;
  /** Whether my role allows this; only for hiding actions — the server decides. */
  can: (p: Permission) => boolean;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  retry: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [attempt, setAttempt] = useState(0);
  const userId = useRef<number | null>(null);
  // Nothing loaded for one account is shown to the next (or to nobody after sign-out). Only when the
  // account changes: clearing on the first answer of /api/me would orphan a public page's loading query.
  const forget = useCallback((next: number | null) => {
    if (userId.current !== null && userId.current !== next) queryClient.clear();
    userId.current = next;
  }, []);

  const signedIn = useCallback(
    (m: Me) => {
      setCsrfToken(m.csrfToken);
      forget(m.id);
      setMe(m);
      setStatus('signedIn');
    },
    [forget],
  );

  const anonymous = useCallback(() => {
    setCsrfToken(null);
    forget(null);
    setMe(null);
    setStatus('anonymous');
  }, [forget]);

  useEffect(() => {
    setUnauthenticatedHandler(anonymous);
    return () => setUnauthenticatedHandler(null);
  }, [anonymous]);

  useEffect(() => {
    let live = true;
    call('GET /api/me').then(
      (m) => live && signedIn(m),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) anonymous();
        else setStatus('offline');
      },
    );
    return () => {
      live = false;
    };
  }, [attempt, signedIn, anonymous]);

  const signOut = useCallback(async () => {
    try {
      await call('POST /api/auth/logout');
    } finally {
      anonymous();
    }
  }, [anonymous]);

  const value = useMemo<Session>(
    () => ({
      status,
      me,
      can: (p) => !!me?.permissions.includes(p),
      signedIn,
      signOut,
      retry: () => {
        setStatus('loading');
        setAttempt((n) => n + 1);
      },
    }),
    [status, me, signedIn, signOut],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user (pages behind sign-in only). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
