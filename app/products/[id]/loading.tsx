export default function ProductLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the product" className="mx-auto grid max-w-[1440px] gap-8 px-5 pt-16 sm:px-8 lg:grid-cols-[7fr_5fr] lg:gap-16 lg:px-10">
      <div className="aspect-square bg-studio motion-safe:animate-[shimmer_1.6s_ease-in-out_infinite]" />
      <div className="flex flex-col gap-4">
        <div className="h-4 w-24 bg-sand" />
        <div className="h-10 w-3/4 bg-sand" />
        <div className="h-6 w-20 bg-sand" />
      </div>
    </div>
  );
}
