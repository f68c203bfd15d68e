// The shop's header: wordmark, departments and keyword search. Server-rendered; the two small client parts read
// the URL (current department, current query) and fall back to plain markup while the page streams.
import Link from "next/link";
import { Suspense } from "react";
import { DepartmentLinks, DepartmentNav } from "./department-nav";
import { Logo } from "./logo";
import { SearchBox, SearchForm } from "./search-box";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-paper/95 backdrop-blur supports-[backdrop-filter]:bg-paper/85">
      <div className="mx-auto grid max-w-[1440px] grid-cols-[auto_1fr] items-center gap-x-6 px-5 [grid-template-areas:'logo_search''nav_nav'] sm:px-8 lg:h-[72px] lg:grid-cols-[auto_1fr_auto] lg:px-10 lg:[grid-template-areas:'logo_nav_search']">
        <Link href="/" className="flex h-14 items-center [grid-area:logo] lg:h-auto" aria-label="Atelier, the collection">
          <Logo className="h-[18px] lg:h-5" title="Atelier" />
        </Link>
        <nav aria-label="Departments" className="scrollbar-none -mx-5 overflow-x-auto px-5 pb-2 [grid-area:nav] lg:mx-0 lg:justify-self-center lg:px-0 lg:pb-0">
          <Suspense fallback={<DepartmentLinks />}>
            <DepartmentNav />
          </Suspense>
        </nav>
        <div className="w-full max-w-[220px] justify-self-end [grid-area:search] lg:w-[220px]">
          <Suspense fallback={<SearchForm />}>
            <SearchBox />
          </Suspense>
        </div>
      </div>
    </header>
  );
}
