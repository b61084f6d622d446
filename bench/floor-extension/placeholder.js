document.title = new URLSearchParams(location.search).get('t') ?? '';
