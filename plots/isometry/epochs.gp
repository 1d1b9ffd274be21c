# Validation accuracy after every epoch (evaluation mode), written by compare-inits.
# Re-render with `gnuplot epochs.gp` in this folder (reads epochs.dat).
reset
set terminal pngcairo size 960,640 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'epochs.png'
set title 'Validation accuracy after every epoch (evaluation mode)'
set xlabel 'Epoch'
set ylabel 'Validation accuracy (%)'
set yrange [0:100]
set xrange [0.8:1.2]
set xtics 1
set grid
set key outside below center horizontal maxcols 2 height 1.5
set datafile missing '?'
plot 'epochs.dat' using 1:2 with linespoints linetype 1 pointtype 5 title 'tanh Gaussian, 8 layers', \
     '' using 1:3 with linespoints linetype 2 pointtype 6 title 'tanh orthogonal, 8 layers', \
     '' using 1:4 with linespoints linetype 3 pointtype 7 title 'ReLU He Gaussian, 8 layers', \
     '' using 1:5 with linespoints linetype 4 pointtype 8 title 'ReLU orthogonal, 8 layers', \
     '' using 1:6 with linespoints linetype 5 pointtype 9 title 'tanh Gaussian, 32 layers', \
     '' using 1:7 with linespoints linetype 6 pointtype 10 title 'tanh orthogonal, 32 layers', \
     '' using 1:8 with linespoints linetype 7 pointtype 5 title 'ReLU He Gaussian, 32 layers', \
     '' using 1:9 with linespoints linetype 8 pointtype 6 title 'ReLU orthogonal, 32 layers', \
     '' using 1:10 with linespoints linetype 9 pointtype 7 title 'tanh Gaussian, 128 layers', \
     '' using 1:11 with linespoints linetype 10 pointtype 8 title 'tanh orthogonal, 128 layers', \
     '' using 1:12 with linespoints linetype 11 pointtype 9 title 'ReLU He Gaussian, 128 layers', \
     '' using 1:13 with linespoints linetype 12 pointtype 10 title 'ReLU orthogonal, 128 layers'
