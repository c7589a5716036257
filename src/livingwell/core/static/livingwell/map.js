// Shows the directory's search results on a Leaflet map. The list of results is always the
// accessible alternative; without this script, the page says so and links to it.
const element = document.getElementById("lw-map");
const data = JSON.parse(document.getElementById("lw-map-data").textContent);
const L = window.L;

if (element && L) {
  element.classList.add("lw-map--ready");
  element.textContent = "";
  // No fades: a half-faded popup is hard to read.
  const map = L.map(element, { scrollWheelZoom: false, fadeAnimation: false });
  if (data.tiles) {
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
  }
  const icon = new L.Icon.Default({ imagePath: data.imagePath });
  const bounds = [];
  for (const place of data.places) {
    const label = place.listings.length === 1 ? place.listings[0].name : `${place.where} (${place.listings.length})`;
    const marker = L.marker([place.latitude, place.longitude], { icon, alt: label, title: label });
    const popup = document.createElement("div");
    const where = document.createElement("p");
    where.className = "govuk-body-s govuk-!-margin-bottom-1";
    where.textContent = place.where;
    const list = document.createElement("ul");
    list.className = "govuk-list govuk-!-margin-bottom-0";
    for (const listing of place.listings) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.className = "govuk-link";
      link.href = listing.url;
      link.textContent = listing.name;
      item.append(link);
      list.append(item);
    }
    popup.append(where, list);
    marker.bindPopup(popup).addTo(map);
    bounds.push([place.latitude, place.longitude]);
  }
  if (bounds.length) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 });
  } else {
    map.setView([data.centre.latitude, data.centre.longitude], 13);
  }
}
