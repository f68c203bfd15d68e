export default function ConsoleLoading() {
  return (
    <div className="animate-pulse space-y-4" aria-busy="true" aria-label="Loading">
      <div className="h-8 w-48 rounded bg-sand" />
      <div className="h-64 rounded-lg bg-sand" />
    </div>
  );
}
