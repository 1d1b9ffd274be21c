# The Jacobian's singular values at initialization, written by compare-inits.
# Re-render with `gnuplot jacobian-spectrum.gp` in this folder (reads jacobian-spectrum.dat).
reset
set terminal pngcairo size 960,540 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'jacobian-spectrum.png'
set datafile missing '?'
set grid
set format y '%g'
set multiplot layout 1,1 title 'Singular values of the Jacobian from the first hidden layer to the last at'."\n".'initialization (seed 1; values below Float rounding of the largest are not drawn)'
set logscale x
set format x '1e%L'
set xlabel 'Singular value s (log scale)'
set ylabel 'Density per decade'
set key inside left top vertical Left reverse opaque
set arrow 1 from 1, graph 0 to 1, graph 1 nohead dashtype 2 linecolor rgb '#888888'
set title '10 hidden layers: J is 128×128, 8 probe images'
plot 'jacobian-spectrum.dat' index 0 using 1:2 with histeps linetype 1 title 'N(0, 1)', \
     'jacobian-spectrum.dat' index 1 using 1:2 with histeps linetype 2 title 'N(0, 0.01)', \
     'jacobian-spectrum.dat' index 2 using 1:2 with histeps linetype 3 title 'Xavier uniform', \
     'jacobian-spectrum.dat' index 3 using 1:2 with histeps linetype 4 title 'Orthogonal (tanh gain)', \
     'jacobian-spectrum.dat' index 4 using 1:2 with histeps linetype 5 title 'LSUV'
unset multiplot
