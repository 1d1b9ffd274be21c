# Gradient std at each layer's output at initialization (probe batch, mean cross-entropy), written by compare-inits.
# Re-render with `gnuplot gradients.gp` in this folder (reads gradients.dat).
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
set output 'gradients.png'
set datafile missing '?'
set grid
set format y '%g'
set title 'Gradient std at each layer'."'".'s output at initialization (probe batch, mean cross-entropy), seed 1'
set xlabel 'Layer'
set ylabel 'Back-propagated gradient std (log scale)'
set logscale y
set xrange [0.8:129.2]
set xtics autofreq
set key outside below center horizontal maxcols 2 height 1.5
plot 'gradients.dat' index 0 using 1:2 with linespoints linetype 1 pointtype 1 title 'tanh Gaussian, 8 layers', \
     'gradients.dat' index 1 using 1:2 with linespoints linetype 2 pointtype 2 title 'tanh orthogonal, 8 layers', \
     'gradients.dat' index 2 using 1:2 with linespoints linetype 3 pointtype 3 title 'ReLU He Gaussian, 8 layers', \
     'gradients.dat' index 3 using 1:2 with linespoints linetype 4 pointtype 4 title 'ReLU orthogonal, 8 layers', \
     'gradients.dat' index 4 using 1:2 with linespoints linetype 5 pointtype 5 title 'tanh Gaussian, 32 layers', \
     'gradients.dat' index 5 using 1:2 with linespoints linetype 6 pointtype 6 title 'tanh orthogonal, 32 layers', \
     'gradients.dat' index 6 using 1:2 with linespoints linetype 7 pointtype 7 title 'ReLU He Gaussian, 32 layers', \
     'gradients.dat' index 7 using 1:2 with linespoints linetype 8 pointtype 8 title 'ReLU orthogonal, 32 layers', \
     'gradients.dat' index 8 using 1:2 with linespoints linetype 9 pointtype 9 title 'tanh Gaussian, 128 layers', \
     'gradients.dat' index 9 using 1:2 with linespoints linetype 10 pointtype 10 title 'tanh orthogonal, 128 layers', \
     'gradients.dat' index 10 using 1:2 with linespoints linetype 11 pointtype 11 title 'ReLU He Gaussian, 128 layers', \
     'gradients.dat' index 11 using 1:2 with linespoints linetype 12 pointtype 12 title 'ReLU orthogonal, 128 layers'
