import { Link, NavLink, useLocation, useNavigate } from "react-router-dom";
import { useAuth } from "../auth/auth-context";
import { beginSignIn } from "../auth/pkce";
import { useCart } from "../cart/use-cart";

export function Header() {
  const { status, user, signOut } = useAuth();
  const { cart } = useCart();
  const location = useLocation();
  const navigate = useNavigate();
  const items = cart?.lines.reduce((sum, line) => sum + line.quantity, 0) ?? 0;
  const here = location.pathname + location.search;
  return (
    <header className="site-header">
      <Link to="/" className="logo">
        ShopStream
      </Link>
      <search className="header-search">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const q = new FormData(event.currentTarget).get("q")?.toString() ?? "";
            navigate(`/search?q=${encodeURIComponent(q)}`);
          }}
        >
          <label htmlFor="header-q" className="visually-hidden">
            Search products
          </label>
          <input id="header-q" name="q" type="search" placeholder="Search" />
          <button type="submit">Search</button>
        </form>
      </search>
      <nav aria-label="Account">
        <NavLink to="/cart">Basket ({items})</NavLink>
        {status === "signed-in" ? (
          <>
            <NavLink to="/orders">Orders</NavLink>
            <span className="who">{user?.name}</span>
            <button type="button" onClick={() => void signOut().then(() => navigate("/"))}>
              Sign out
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => void beginSignIn("sign-in", here)}>
              Sign in
            </button>
            <button type="button" onClick={() => void beginSignIn("create", here)}>
              Create account
            </button>
          </>
        )}
      </nav>
    </header>
  );
}
