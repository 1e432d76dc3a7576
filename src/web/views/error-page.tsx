// The one error page. It says what happened and what to do; never a stack trace.
export function ErrorPage(props: { heading: string; message: string }) {
  return (
    <div class="usa-prose">
      <h1>{props.heading}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </div>
  );
}
